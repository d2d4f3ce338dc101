/*
 * samples/cpp/hello.cpp — a small C++ program exercising what most C++
 * programs lean on: iostream, std::string, std::vector, std::map and
 * std::sort.  It counts the words of a fixed text, prints them sorted by
 * frequency and ends with a "checksum: N" line that a test compares with
 * the value the same program prints on Windows (and under Wine): 5478.
 */
#include <algorithm>
#include <iostream>
#include <map>
#include <sstream>
#include <string>
#include <vector>

static const char text[] =
    "the quick brown fox jumps over the lazy dog and the dog sleeps "
    "while the fox runs over the hill and far away";

static std::map<std::string, int> count_words(const std::string &s)
{
    std::map<std::string, int> counts;
    std::istringstream in(s);
    std::string word;

    while (in >> word) counts[word]++;
    return counts;
}

/* Most frequent first; ties in alphabetical order so the output is stable. */
static bool by_count(const std::pair<std::string, int> &a,
                     const std::pair<std::string, int> &b)
{
    if (a.second != b.second) return a.second > b.second;
    return a.first < b.first;
}

int main(int argc, char **argv)
{
    std::map<std::string, int> counts = count_words(text);
    std::vector<std::pair<std::string, int> > words(counts.begin(), counts.end());
    unsigned long checksum = 0;

    std::sort(words.begin(), words.end(), by_count);
    std::cout << "Hello from C++ on Windows! (" << argc - 1 << " arguments)" << std::endl;
    for (size_t i = 0; i < words.size(); i++)
    {
        std::cout << words[i].second << " " << words[i].first << "\n";
        /* position-weighted, so a wrong sort order changes the sum */
        checksum += (i + 1) * (words[i].first.size() * 10 + words[i].second);
    }
    for (int i = 1; i < argc; i++) std::cout << "arg: " << std::string(argv[i]) << "\n";
    std::cout << "checksum: " << checksum << std::endl;
    return 0;
}
